package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Links each FROM image to its page on its registry (Docker Hub, GHCR, Quay, MCR). */
public final class DocumentLinkProvider
    implements Provider<DocumentLinkParams, List<DocumentLink>> {
  @Override
  public List<DocumentLink> provide(
      DocumentModel doc, DocumentLinkParams params, ServerSettings settings, CancelChecker cancel) {
    List<DocumentLink> out = new ArrayList<>();
    for (Stage s : doc.model().stages()) {
      if (s.base() instanceof Base.ImageBase img
          && img.ref().isPresent()
          && s.from().image().isPresent()) {
        page(img.ref().get())
            .ifPresent(
                url ->
                    out.add(
                        new DocumentLink(
                            Lsp.range(s.from().image().get().range()), url, null, url)));
      }
    }
    return out;
  }

  /** The web page of an image's repository, for the registries that have one per repository. */
  public static Optional<String> page(ImageRef ref) {
    String repo = ref.repository();
    return switch (ref.registry()) {
      case ImageRef.DOCKER_HUB ->
          Optional.of(
              repo.startsWith("library/")
                  ? "https://hub.docker.com/_/" + repo.substring("library/".length())
                  : "https://hub.docker.com/r/" + repo);
      case "ghcr.io" -> Optional.of("https://ghcr.io/" + repo);
      case "quay.io" -> Optional.of("https://quay.io/repository/" + repo);
      case "mcr.microsoft.com" -> Optional.of("https://mcr.microsoft.com/artifact/mar/" + repo);
      case "public.ecr.aws" -> Optional.of("https://gallery.ecr.aws/" + repo);
      default -> Optional.empty();
    };
  }
}
