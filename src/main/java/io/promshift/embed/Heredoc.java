package io.promshift.embed;

import java.util.List;

/**
 * The heredoc whose body is a unit's provisioning file: a script in a string (compose {@code entrypoint} or
 * {@code command}, cloud-init {@code runcmd}, Ansible {@code shell}) writes the file with {@code cat <<EOF > ...}
 * (embedded-shapes §2.6, S8).
 *
 * @param operator the redirection as the script writes it ({@code <<EOF}, {@code <<-'EOF'}, {@code << "EOF"})
 * @param delimiter the word that ends the body, quotes removed
 * @param quoted whether the delimiter is quoted (any quote or backslash in it): the shell then keeps the body as
 *     written
 * @param stripsTabs whether the operator is {@code <<-}: the shell strips the leading tabs of every body line
 * @param expansions who rewrites the body's {@code $} before Grafana reads the file, in order: docker compose in a
 *     compose file, then the shell unless the delimiter is quoted
 */
public record Heredoc(String operator, String delimiter, boolean quoted, boolean stripsTabs,
    List<Expansion> expansions) {

  public Heredoc {
    expansions = List.copyOf(expansions);
  }
}
