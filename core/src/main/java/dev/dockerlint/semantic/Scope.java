package dev.dockerlint.semantic;

import dev.dockerlint.grammar.shell.ShellLex;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    if (shadowed(existing, v)) {
      return this;
    }
    m.put(v.name(), v);
    return new Scope(m);
  }

  /** {@link #with} for each variable in turn, copying the map once. */
  public Scope withAll(List<Variable> vs) {
    Map<String, Variable> m = new LinkedHashMap<>(variables);
    for (Variable v : vs) {
      if (!shadowed(m.get(v.name()), v)) {
        m.put(v.name(), v);
      }
    }
    return new Scope(m);
  }

  /** An ENV is not replaced by an ARG of the same name. */
  private static boolean shadowed(Variable existing, Variable v) {
    return existing != null
        && existing.kind() == Variable.Kind.ENV
        && v.kind() == Variable.Kind.ARG;
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
