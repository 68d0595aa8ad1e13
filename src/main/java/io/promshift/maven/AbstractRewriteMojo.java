package io.promshift.maven;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.Message;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that rewrite files have in common, whether they migrate ({@code check}, {@code apply}) or fix
 * ({@code fix}): one run of the library's rewrite over the files (the same edits, checks and atomic writes behind
 * {@link Promshift#migrate} and {@link Promshift#fix}), an optional patch of its changes, and what every such goal
 * says about a file that cannot be rewritten, cannot be written, or is not a data source provisioning file.
 */
public abstract class AbstractRewriteMojo extends AbstractPromshiftMojo {
  /**
   * Also rewrite provisioning files held base64-encoded (a Secret's {@code data}): decoded, changed and encoded again
   * with the same alphabet and padding. Off: they are read, and left as they are.
   */
  @Parameter(property = "promshift.rewriteBase64", defaultValue = "false")
  private boolean rewriteBase64;

  @Override
  final void process(FileSet files) throws MojoExecutionException, MojoFailureException {
    Promshift promshift = Promshift.create(goalSettings(settings().rewriteBase64(rewriteBase64)).build());
    Path patch = patchFile();
    Run run;
    try {
      // a patch names files relative to the project, as the diffs do: it applies from the project's base directory
      run = rewrite(promshift, files, writeMode(), wantsDiffs(), patch, this::shownName);
    } catch (IOException e) {
      throw new MojoExecutionException("promshift:" + goal() + ": cannot write the patch " + logName(patch) + " ("
          + e.getMessage() + ")", e);
    }
    if (nothingToProcess(run.files(), run.problems())) {
      return;
    }
    List<String> refused = new ArrayList<>();
    List<String> unwritten = new ArrayList<>();
    List<FileOutcome> all = new ArrayList<>(run.problems());
    all.addAll(run.files());
    for (FileOutcome outcome : all) {
      if (outcome.verdict() == Verdict.SKIPPED) {
        getLog().debug(logName(outcome.file()) + ": not a data source provisioning file; skipped");
        continue;
      }
      for (Message message : outcome.diagnostics().stream().map(d -> Message.of(d, logName(d.file()))).toList()) {
        if (message.level() == Message.Level.ERROR && outcome.notWritten()) {
          getLog().error(message.toString()); // a write that failed fails the build whatever failOnError says
          unwritten.add(message.where() + ": " + message.text());
        } else if (message.level() != Message.Level.ERROR) {
          getLog().warn(message.toString()); // notices: what was left as it is, and why
        } else if (failOnError()) {
          getLog().error(message.toString());
          refused.add(message.where() + ": " + message.text());
        } else {
          getLog().warn(new Message(Message.Level.WARNING, message.where(), message.text() + " (failOnError=false)")
              .toString());
        }
      }
    }
    rewritten(run);
    if (!unwritten.isEmpty()) {
      throw new MojoFailureException(plural(unwritten.size(), "file") + " could not be written:\n"
          + String.join("\n", unwritten));
    }
    if (!refused.isEmpty()) {
      throw new MojoFailureException(plural(refused.size(), "file") + " could not be " + refusedVerb() + " (set failOnError=false to warn instead):\n"
          + String.join("\n", refused));
    }
  }

  /** The goal's settings over the common ones ({@link #settings()} with {@code rewriteBase64}). */
  abstract PromshiftSettings.Builder goalSettings(PromshiftSettings.Builder settings) throws MojoExecutionException;

  /**
   * The goal's call of the facade: {@link Promshift#migrate} or {@link Promshift#fix}, with the patch when
   * {@code patch} is not null (named by {@code patchName}).
   */
  abstract Run rewrite(Promshift promshift, FileSet files, WriteMode mode, boolean diffs, Path patch,
      Function<Path, String> patchName) throws IOException;

  /** What the goal does with the files: nothing (check) or rewrite them in place (apply, fix). */
  abstract WriteMode writeMode();

  /** Whether the goal shows each changed file's diff. */
  abstract boolean wantsDiffs();

  /** What a file the library refused could not be, in the failure message: "migrated", "fixed". */
  abstract String refusedVerb();

  /** The goal's account of the run, and its verdict. */
  abstract void rewritten(Run run) throws MojoExecutionException, MojoFailureException;

  /** Where the goal also writes the changes as one applicable patch, or null for nowhere. */
  Path patchFile() throws MojoExecutionException {
    return null;
  }

  /** A configured patch file, absolute, its folder made (target/ before anything else of the build made it). */
  Path patchPath(File patchFile) throws MojoExecutionException {
    Path patch = resolve(patchFile);
    try {
      Files.createDirectories(patch.getParent());
    } catch (IOException e) {
      throw new MojoExecutionException("promshift:" + goal() + ": cannot write the patch " + logName(patch) + " ("
          + e.getMessage() + ")", e);
    }
    return patch;
  }

  static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
