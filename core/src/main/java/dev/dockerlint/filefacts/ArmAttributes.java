package dev.dockerlint.filefacts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code Tag_CPU_arch} from an ARM {@code .ARM.attributes} section ("ELF for the ARM
 * Architecture", build attributes) and maps it to an OCI {@code arm} variant.
 */
final class ArmAttributes {
  private static final int TAG_FILE = 1;
  private static final int TAG_CPU_RAW_NAME = 4;
  private static final int TAG_CPU_NAME = 5;
  private static final int TAG_CPU_ARCH = 6;
  private static final int TAG_COMPATIBILITY = 32;

  private ArmAttributes() {}

  /**
   * The OCI variant for a section's bytes, or empty when it has no readable {@code Tag_CPU_arch}.
   */
  static Optional<String> variant(byte[] section, boolean littleEndian) {
    return cpuArch(section, littleEndian).flatMap(ArmAttributes::variantOf);
  }

  /**
   * Maps {@code Tag_CPU_arch} to the OCI variant: pre-v4 to v5TEJ are v5 (Go's {@code GOARM=5}
   * baseline), v6 variants v6, v7 variants v7, and v8 and later in AArch32 state v8.
   */
  static Optional<String> variantOf(int cpuArch) {
    return switch (cpuArch) {
      case 0, 1, 2, 3, 4, 5 -> Optional.of("v5");
      case 6, 7, 8, 9, 11, 12 -> Optional.of("v6");
      case 10, 13 -> Optional.of("v7");
      default -> cpuArch >= 14 && cpuArch <= 30 ? Optional.of("v8") : Optional.empty();
    };
  }

  static Optional<Integer> cpuArch(byte[] s, boolean le) {
    if (s.length < 1 || s[0] != 'A') {
      return Optional.empty();
    }
    int pos = 1;
    while (pos + 4 <= s.length) {
      long sectionLength = u32(s, pos, le);
      int sectionEnd = (int) Math.min(s.length, pos + sectionLength);
      if (sectionLength < 5) {
        return Optional.empty();
      }
      int nameEnd = indexOfNul(s, pos + 4, sectionEnd);
      if (nameEnd < 0) {
        return Optional.empty();
      }
      String vendor = new String(s, pos + 4, nameEnd - pos - 4, StandardCharsets.US_ASCII);
      if (vendor.equals("aeabi")) {
        Optional<Integer> found = inVendorSection(s, nameEnd + 1, sectionEnd, le);
        if (found.isPresent()) {
          return found;
        }
      }
      pos = sectionEnd;
    }
    return Optional.empty();
  }

  private static Optional<Integer> inVendorSection(byte[] s, int pos, int end, boolean le) {
    while (pos + 5 <= end) {
      int tag = s[pos] & 0xff;
      long size = u32(s, pos + 1, le);
      if (size < 5) {
        return Optional.empty();
      }
      int subEnd = (int) Math.min(end, pos + size);
      if (tag == TAG_FILE) {
        return inAttributes(s, pos + 5, subEnd);
      }
      pos = subEnd;
    }
    return Optional.empty();
  }

  private static Optional<Integer> inAttributes(byte[] s, int pos, int end) {
    int[] cursor = {pos};
    while (cursor[0] < end) {
      long tag = uleb(s, cursor, end);
      if (tag < 0) {
        return Optional.empty();
      }
      if (tag == TAG_CPU_ARCH) {
        long value = uleb(s, cursor, end);
        return value < 0 ? Optional.empty() : Optional.of((int) value);
      }
      boolean string =
          tag == TAG_CPU_RAW_NAME
              || tag == TAG_CPU_NAME
              || (tag > TAG_COMPATIBILITY && tag % 2 == 1);
      if (tag == TAG_COMPATIBILITY) {
        if (uleb(s, cursor, end) < 0) {
          return Optional.empty();
        }
        string = true;
      }
      if (string) {
        int nul = indexOfNul(s, cursor[0], end);
        if (nul < 0) {
          return Optional.empty();
        }
        cursor[0] = nul + 1;
      } else if (uleb(s, cursor, end) < 0) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static long uleb(byte[] s, int[] cursor, int end) {
    long value = 0;
    int shift = 0;
    while (cursor[0] < end && shift < 63) {
      int b = s[cursor[0]++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
    }
    return -1;
  }

  private static int indexOfNul(byte[] s, int from, int end) {
    for (int i = from; i < end; i++) {
      if (s[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static long u32(byte[] s, int pos, boolean le) {
    long b0 = s[pos] & 0xff;
    long b1 = s[pos + 1] & 0xff;
    long b2 = s[pos + 2] & 0xff;
    long b3 = s[pos + 3] & 0xff;
    return le ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b3 | b2 << 8 | b1 << 16 | b0 << 24;
  }
}
