package dev.dockerlint.syntax;

import java.util.List;

/** VOLUME paths. */
public record VolumeInstruction(Header header, List<Word> paths, boolean execForm)
    implements Instruction {
  public VolumeInstruction {
    paths = List.copyOf(paths);
  }
}
