package io.promshift.text;

import java.util.Optional;

/**
 * The one error type of promshift's reading layers: bad input, named by file, line and column, in words a
 * person understands. It never carries the offending value when that value might be a secret.
 */
public final class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final Position position;
  private final String problem;
  private final Position related;

  public SourceException(String file, Position position, String problem) {
    this(file, position, problem, null);
  }

  /** {@code related} is a second place the problem involves, e.g. the first of two duplicate keys. */
  public SourceException(String file, Position position, String problem, Position related) {
    super(file + ":" + position + ": " + problem, null, false, false);
    this.file = file;
    this.position = position;
    this.problem = problem;
    this.related = related;
  }

  public String file() {
    return file;
  }

  public Position position() {
    return position;
  }

  public int line() {
    return position.line();
  }

  public int column() {
    return position.column();
  }

  /** The message without the {@code file:line:col: } prefix. */
  public String problem() {
    return problem;
  }

  public Optional<Position> related() {
    return Optional.ofNullable(related);
  }
}
