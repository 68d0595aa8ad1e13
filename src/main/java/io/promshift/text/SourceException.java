package io.promshift.text;

import java.util.Objects;
import java.util.Optional;

/**
 * The one error type of promshift's reading layers: bad input, named by file, line and column, in words a
 * person understands, and typed by its {@link Kind} where it is raised. It never carries the offending value
 * when that value might be a secret.
 */
public final class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the input: each raise site says which, so that no one needs to read the message. */
  public enum Kind {
    /**
     * Not YAML as Grafana's reader (go-yaml v3) reads it: a syntax error, an alias to no anchor or to the
     * collection that holds it, a merge key that names no map, an explicit tag the value does not fit.
     */
    SYNTAX,
    /** A mapping defines a key twice; {@link #related()} is where it was first defined. */
    DUPLICATE_KEY,
    /**
     * YAML that Grafana reads, but not as it is written (two byte order marks: go-yaml takes the second for an
     * indentation space and drops a character of a later key): refused on purpose, as what Grafana would store is
     * not what the file says.
     */
    MISREAD,
    /** Template tags ({{ }}, {% %}, {# #}) outside comments: the file must be rendered first. */
    TEMPLATE,
    /** Over a safety limit: file size, nesting depth, or values reached through aliases. */
    LIMIT,
    /** The file cannot be read from disk. */
    UNREADABLE,
    /** Nothing is at the path: no file or folder by that name (a mistyped path, most likely). */
    NOT_FOUND,
    /** The bytes are not UTF-8 text: invalid UTF-8, or a NUL byte. */
    ENCODING,
    /**
     * The file reads, but a migration cannot edit it without changing other data (a shared anchor or merge
     * key, an aliased data source); raised by the migration's planner, never by reading.
     */
    UNEDITABLE
  }

  private final String file;
  private final Position position;
  private final Kind kind;
  private final String problem;
  private final Position related;

  public SourceException(String file, Position position, Kind kind, String problem) {
    this(file, position, kind, problem, null);
  }

  /** {@code related} is a second place the problem involves, e.g. the first of two duplicate keys. */
  public SourceException(String file, Position position, Kind kind, String problem, Position related) {
    super(file + ":" + position + ": " + problem, null, false, false);
    this.file = file;
    this.position = position;
    this.kind = Objects.requireNonNull(kind, "kind");
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

  /** What is wrong, as a type: decide on this, never on the words of {@link #problem()}. */
  public Kind kind() {
    return kind;
  }

  /** The message without the {@code file:line:col: } prefix. */
  public String problem() {
    return problem;
  }

  public Optional<Position> related() {
    return Optional.ofNullable(related);
  }
}
