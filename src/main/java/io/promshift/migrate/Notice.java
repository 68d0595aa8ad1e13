package io.promshift.migrate;

import io.promshift.rules.Code;
import io.promshift.text.Position;

/**
 * Something the user should know about a migration that did not stop it: a source left alone and why, a
 * fixed {@code version}, a value that depends on the environment.
 *
 * @param code what kind of notice it is, e.g. {@link Code#FIXED_VERSION}
 * @param dataSource the source it concerns, or null for the file
 * @param position where it applies
 * @param message what Grafana will do, in a sentence
 */
public record Notice(Code code, String dataSource, Position position, String message) {}
