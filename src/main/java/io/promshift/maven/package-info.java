/**
 * The Maven plugin: the goals {@code promshift:validate}, {@code promshift:check}, {@code promshift:apply} and
 * {@code promshift:fix}, a thin adapter over the library's public API (the calls the CLI makes), as Spotless's
 * {@code plugin-maven} adapts its {@code lib}. {@link io.promshift.maven.AbstractPromshiftMojo#execute()} is final
 * and the same for every goal: skip, collect the files, hand them to the goal. No rule, parsing or patching lives
 * here.
 *
 * <p>This is the only package that may import {@code org.apache.maven} (checked by {@code ArchitectureTest}): the
 * Maven API is a {@code provided} dependency, present only when Maven runs the plugin, so the library stays free of
 * it for an embedder.
 */
package io.promshift.maven;
