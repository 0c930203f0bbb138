package dev.dockerlint.semantic;

import dev.dockerlint.grammar.shell.ShellLex;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible to one instruction: an immutable map. ENV values shadow ARG values of the
 * same name, as in BuildKit.
 */
public final class Scope implements ShellLex.Env {
  private final Map<String, Variable> variables;

  private Scope(Map<String, Variable> variables) {
    this.variables = variables;
  }

  public static Scope empty() {
    return new Scope(Map.of());
  }

  public Scope with(Variable v) {
    Map<String, Variable> m = new LinkedHashMap<>(variables);
    Variable existing = m.get(v.name());
    if (existing != null && existing.kind() == Variable.Kind.ENV && v.kind() == Variable.Kind.ARG) {
      return this;
    }
    m.put(v.name(), v);
    return new Scope(m);
  }

  public Optional<Variable> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  public Map<String, Variable> variables() {
    return variables;
  }

  @Override
  public Optional<String> get(String name) {
    Variable v = variables.get(name);
    return v == null ? Optional.empty() : v.value();
  }

  @Override
  public Collection<String> keys() {
    return variables.values().stream()
        .filter(v -> v.value().isPresent())
        .map(Variable::name)
        .toList();
  }

  /** Only the ENV variables (what a later stage or the final image inherits). */
  public Scope envOnly() {
    Map<String, Variable> m = new LinkedHashMap<>();
    variables.forEach(
        (k, v) -> {
          if (v.kind() == Variable.Kind.ENV || v.kind() == Variable.Kind.BASE_IMAGE) {
            m.put(k, v);
          }
        });
    return new Scope(m);
  }
}
