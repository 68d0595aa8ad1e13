package io.promshift.maven;

import io.promshift.io.FileSet;
import io.promshift.text.SourceException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every promshift goal does, in one final {@link #execute()} (after Spotless's {@code AbstractSpotlessMojo}):
 * skip when told to, collect the matched files, then hand them to the goal's {@link #process}. The goals are
 * thin: the reading, the rules, the migration and the writing are the library's, the same calls the CLI makes.
 *
 * <p>Mojo instances are per execution and the library objects they build are immutable and thread-safe, so
 * the goals run in parallel reactor builds ({@code mvn -T}).
 */
public abstract class AbstractPromshiftMojo extends AbstractMojo {
  static final String DEFAULT_DIRECTORY = "src/main/grafana";
  static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml");

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDir;

  /**
   * Directories searched for provisioning files (recursively), or single files. Default: the project's
   * {@code src/main/grafana}; a project that keeps Grafana's layout sets
   * {@code <directories><directory>provisioning</directory></directories>}. Relative paths are resolved against
   * the project's base directory.
   */
  @Parameter(property = "promshift.directories")
  private List<File> directories;

  /**
   * Globs a file's path relative to its directory must match one of. Default {@code **}{@code /*.yaml} and
   * {@code **}{@code /*.yml}; only {@code .yaml} and {@code .yml} files are ever considered, as Grafana reads
   * only those.
   */
  @Parameter(property = "promshift.includes")
  private List<String> includes;

  /** Globs excluding files, matched like {@link #includes}. */
  @Parameter(property = "promshift.excludes")
  private List<String> excludes;

  /** Skips the goal. */
  @Parameter(property = "promshift.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Whether a file that cannot be read (a YAML syntax error, a duplicate key, a template, invalid UTF-8, ...)
   * fails the build. With {@code false} it is reported as a warning, with its position, and the build goes on.
   */
  @Parameter(property = "promshift.failOnError", defaultValue = "true")
  private boolean failOnError;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping promshift:" + goal() + " (promshift.skip)");
      return;
    }
    List<FileSet.Found> files = collect();
    if (files.isEmpty()) {
      getLog().info("promshift:" + goal() + ": no provisioning files to process");
      return;
    }
    try {
      process(files);
    } catch (SourceException e) {
      // the library reports bad input in results; this is the last line of defence against a stack trace
      throw new MojoFailureException(e.file() + ":" + e.position() + ": error: " + e.problem());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The goal's name, for messages. */
  abstract String goal();

  /** The goal's work over the matched files, each root's files in lexical order. */
  abstract void process(List<FileSet.Found> files) throws MojoExecutionException, MojoFailureException;

  private List<FileSet.Found> collect() throws MojoExecutionException {
    boolean configured = directories != null && !directories.isEmpty();
    List<Path> roots = new ArrayList<>();
    for (File directory : configured ? directories : List.of(new File(baseDir, DEFAULT_DIRECTORY))) {
      Path root = (directory.isAbsolute() ? directory : new File(baseDir, directory.getPath())).toPath().normalize();
      if (Files.exists(root)) {
        roots.add(root);
      } else if (configured) {
        getLog().warn("promshift:" + goal() + ": " + root + " does not exist");
      } else {
        getLog().debug("promshift:" + goal() + ": " + root + " does not exist");
      }
    }
    List<String> include = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
    List<String> exclude = excludes == null ? List.of() : excludes;
    try {
      return new FileSet(roots, include, exclude).found();
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new MojoExecutionException("promshift:" + goal() + ": " + e.getMessage(), e);
    }
  }

  boolean failOnError() {
    return failOnError;
  }

  /**
   * A file's name in diffs and reports: relative to the project's base directory with {@code /} separators
   * when it lies under it (as git and code-scanning tools name files), else absolute.
   */
  String relativeName(Path file) {
    Path base = baseDir.toPath().toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return absolute.toString();
    }
    return base.relativize(absolute).toString().replace(File.separatorChar, '/');
  }

  /** A file's name in log lines: absolute, so that IDEs and terminals link it from any module of a reactor. */
  static String logName(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }
}
