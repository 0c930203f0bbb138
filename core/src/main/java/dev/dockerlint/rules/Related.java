package dev.dockerlint.rules;

import dev.dockerlint.syntax.Range;

/** Another place that explains a finding ("the script is copied here"). */
public record Related(Range range, String message) {}
