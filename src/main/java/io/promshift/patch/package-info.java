/**
 * Edits on the original text of a YAML file, and the style-keeping primitives that compute them.
 *
 * <p>{@link io.promshift.patch.Edit} replaces a char range of {@link io.promshift.text.SourceText#text()}
 * (offsets after the BOM); {@link io.promshift.patch.EditSet} holds non-overlapping edits and applies them in
 * one pass, so every byte outside them stays as it was. {@link io.promshift.patch.YamlEdits} computes edits
 * from nodes read by {@link io.promshift.syntax.YamlReader}: replace a scalar keeping its style, replace a
 * node, add an entry to a block or flow mapping in the mapping's own indentation and line ending, and remove
 * an entry (the exact inverse of adding it). {@link io.promshift.patch.ScalarText} writes scalar values as
 * plain or quoted YAML text.
 *
 * <p>This package knows YAML text, not Grafana. It uses {@code io.promshift.text} and
 * {@code io.promshift.syntax} only.
 */
package io.promshift.patch;
