package dev.dockerlint.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON the testkit writes: compact, keys in insertion order, digests over these bytes. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + node, e);
    }
  }

  static JsonNode parse(byte[] bytes) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "not JSON: " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8), e);
    }
  }

  static ObjectNode descriptor(Descriptor d) {
    ObjectNode node = object();
    node.put("mediaType", d.mediaType());
    node.put("digest", d.digest().toString());
    node.put("size", d.size());
    d.platform().ifPresent(p -> node.set("platform", platform(p)));
    return node;
  }

  static ObjectNode platform(Platform p) {
    ObjectNode node = object();
    node.put("architecture", p.architecture());
    node.put("os", p.os());
    p.variant().ifPresent(v -> node.put("variant", v));
    return node;
  }
}
