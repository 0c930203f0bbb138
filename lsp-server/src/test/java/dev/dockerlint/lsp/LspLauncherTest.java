package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;

/** The launcher's set-up takes over what was found before it, and nothing else. */
class LspLauncherTest {

  private static Class<?> classOf(Object o) {
    return o == null ? null : o.getClass();
  }

  @Test
  void theMethodsFoundFirstAreThoseLsp4jFindsForTheLauncher() {
    LspLauncher.AnswersParseErrors lsp4j = new LspLauncher.AnswersParseErrors();
    lsp4j.setLocalService(new DockerlintLanguageServer());
    lsp4j.setRemoteInterface(DockerlintLanguageClient.class);
    Map<String, JsonRpcMethod> expected = lsp4j.getSupportedMethods();

    Map<String, JsonRpcMethod> found = new LinkedHashMap<>();
    found.putAll(ServiceEndpoints.getSupportedMethods(DockerlintLanguageClient.class));
    found.putAll(ServiceEndpoints.getSupportedMethods(DockerlintLanguageServer.class));

    assertThat(found.keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, JsonRpcMethod> e : expected.entrySet()) {
      JsonRpcMethod f = found.get(e.getKey());
      JsonRpcMethod x = e.getValue();
      assertThat(f.getMethodName()).isEqualTo(x.getMethodName());
      assertThat(f.getParameterTypes()).containsExactly(x.getParameterTypes());
      assertThat(f.getReturnType()).isEqualTo(x.getReturnType());
      assertThat(f.isNotification()).isEqualTo(x.isNotification());
      assertThat(classOf(f.getReturnTypeAdapterFactory()))
          .isEqualTo(classOf(x.getReturnTypeAdapterFactory()));
    }
    assertThat(new LspLauncher.AnswersParseErrors(null, found).getSupportedMethods())
        .isSameAs(found);
  }
}
