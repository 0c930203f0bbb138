package dev.dockerlint.image.layer;

/**
 * Bounds on reading one image's layers, so a hostile or huge image costs bounded time and memory.
 *
 * @param maxBytes the most bytes of layer data read for one image, as transferred (compressed for
 *     registry blobs, the tar stream for {@code docker save})
 * @param maxExpandedBytes the most bytes the layers may expand to once decompressed
 * @param maxRatio the highest decompression ratio allowed beyond the first {@link #RATIO_GRACE}
 *     bytes of a layer (a gzip bomb expands a thousandfold)
 * @param maxEntries the most files one image may have
 */
public record LayerLimits(long maxBytes, long maxExpandedBytes, int maxRatio, int maxEntries) {
  /** Bytes a layer may expand to before the ratio is checked. */
  public static final long RATIO_GRACE = 64L << 20;

  /** One GiB of layers, four when expanded, ratio 100, a million files. */
  public static final LayerLimits DEFAULT = of(1L << 30);

  /** Limits for at most {@code maxBytes} of layer data. */
  public static LayerLimits of(long maxBytes) {
    return new LayerLimits(maxBytes, Math.max(maxBytes, 1L << 20) * 4, 100, 1_000_000);
  }
}
