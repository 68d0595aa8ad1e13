package io.promshift.migrate;

import io.promshift.text.Position;
import io.promshift.text.SourceException;

/** Why a file was left untouched: it cannot be read, or no edit can be made without side effects. */
public record Refusal(Position position, String message) {
  static Refusal of(SourceException e) {
    return new Refusal(e.position(), e.problem());
  }
}
