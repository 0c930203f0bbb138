package dev.dockerlint.lsp;

import java.util.List;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The client as the server sees it: a plain LSP client, plus the notification a client opts in to
 * with the experimental capability {@value #IMAGE_LOOKUPS_CAPABILITY}.
 */
public interface DockerlintLanguageClient extends LanguageClient {

  /**
   * {@code capabilities.experimental.dockerlintImageLookups: true} asks for {@link #imageLookups}.
   */
  String IMAGE_LOOKUPS_CAPABILITY = "dockerlintImageLookups";

  /**
   * The base image look-ups in progress, sent whenever one starts or ends (so an empty list means
   * "done"); the newest notification is the current state.
   */
  @JsonNotification("dockerlint/imageLookups")
  void imageLookups(ImageLookups lookups);

  /**
   * Look-ups in progress.
   *
   * @param images each image with its platform, e.g. {@code alpine:3.20 linux/amd64}
   */
  record ImageLookups(List<String> images) {
    public ImageLookups {
      images = List.copyOf(images);
    }
  }
}
