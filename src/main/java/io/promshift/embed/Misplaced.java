package io.promshift.embed;

import io.promshift.syntax.YamlNode;

/**
 * A key that looks like it defines data sources but is not read by the chart it seems meant for (a top-level
 * {@code additionalDataSources}, the misspelt {@code additionalDatasources}): a finding, not a unit.
 *
 * @param key the key as written
 * @param path where it sits
 * @param why what reads it instead, and what to write
 */
public record Misplaced(YamlNode key, YamlPath path, String why) {}
