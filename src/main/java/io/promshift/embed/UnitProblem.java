package io.promshift.embed;

import io.promshift.text.SourceException;

/**
 * A place that is meant to hold data sources but cannot be read (a provisioning file inside a string that is a
 * template, or not YAML): refused alone, at its position in the outer file, while the file's other units go on.
 *
 * @param path where it sits in the outer file
 * @param error why, positioned in the outer file
 */
public record UnitProblem(YamlPath path, SourceException error) {}
