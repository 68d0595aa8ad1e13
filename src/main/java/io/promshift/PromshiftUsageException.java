package io.promshift;

/**
 * A run refused before it touched anything, because what it was asked is contradictory or would harm the
 * user's files (two inputs written to one output, an output that is its own input, an invalid glob). The
 * message names what is wrong in plain words; front ends show it as a usage error.
 */
public final class PromshiftUsageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PromshiftUsageException(String message) {
    super(message);
  }
}
