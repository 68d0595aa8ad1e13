package io.promshift.syntax;

/**
 * A key written twice in one mapping, read by a reader that keeps the last (go-yaml v2 as Helm and kubectl use it,
 * PyYAML as Ansible uses it) instead of refusing the document as go-yaml v3 does.
 *
 * @param first the key as first written
 * @param second the later key, whose value wins
 */
public record DuplicateKey(YamlNode first, YamlNode second) {}
