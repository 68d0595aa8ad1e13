package io.promshift.rules;

import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.Secrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which findings {@code promshift fix} may resolve, and how: the one policy behind every {@link Repair} a rule
 * attaches. A repair touches only a value written in the file as it is — never a placeholder, a template, a value
 * that came from the environment, or a secret — and only where the value's meaning is not a guess: a boolean word,
 * a canonical integer, a key the signer reads under another name.
 */
final class Repairs {
  /** CloudWatch's auth type words (awsds) that the SigV4 signer knows under another name. */
  private static final Map<String, String> AUTH_TYPE_WORDS = Map.of("arn", "default", "sharedCreds", "credentials");

  private Repairs() {}

  /**
   * The string a repair may rewrite at a pointer: a scalar written in the file itself (no placeholder or template, not
   * expanded), not a secret, holding no credential.
   */
  static Optional<String> literal(JsonView view, String pointer) {
    Optional<JsonView.Loc> found = view.loc(pointer);
    if (found.isEmpty() || !(found.get().go() instanceof GoValue.GoString string)) {
      return Optional.empty();
    }
    JsonView.Loc loc = found.get();
    if (loc.placeholder() || loc.template() || loc.unresolved() || loc.changed()
        || SchemaMessages.showing(view, pointer) != SchemaMessages.Showing.AS_IS
        || !Secrets.maskCredentials(string.value()).equals(string.value())) {
      return Optional.empty();
    }
    return Optional.of(string.value());
  }

  /** A string that means a boolean ({@link GoScalars#meantBoolean}) becomes that boolean. */
  static List<Repair> booleanValue(JsonView view, String pointer) {
    return literal(view, pointer).flatMap(GoScalars::meantBoolean)
        .map(meant -> List.of(Repair.scalar(pointer, meant.toString()))).orElse(List.of());
  }

  /** A string that is a canonical integer ({@code "100"}) becomes that integer. */
  static List<Repair> integerValue(JsonView view, String pointer) {
    return literal(view, pointer).filter(GoScalars::isCanonicalInteger)
        .map(text -> List.of(Repair.scalar(pointer, text))).orElse(List.of());
  }

  /** A string where the schema wants a boolean or a number, when the conversion is exact. */
  static List<Repair> typedValue(JsonView view, String pointer, Set<String> accepted) {
    List<Repair> repairs = SchemaMessages.wantsBoolean(accepted) ? booleanValue(view, pointer) : List.of();
    return repairs.isEmpty() && SchemaMessages.wantsNumber(accepted) ? integerValue(view, pointer) : repairs;
  }

  /**
   * A key renamed to the one the reader reads, when that one is absent. With {@code values} (the auth type), the
   * value must be a literal that is one of them once CloudWatch's words are mapped, and is written mapped.
   */
  static List<Repair> rename(JsonView view, String pointer, String newKey, List<String> values) {
    if (view.has(JsonView.pointer(JsonView.parent(pointer), newKey))) {
      return List.of();
    }
    Repair rename = Repair.rename(pointer, newKey);
    if (values == null) {
      return List.of(rename);
    }
    Optional<String> value = literal(view, pointer);
    if (value.isEmpty()) {
      return List.of();
    }
    String mapped = AUTH_TYPE_WORDS.getOrDefault(value.get(), value.get());
    if (!values.contains(mapped)) {
      return List.of();
    }
    return mapped.equals(value.get()) ? List.of(rename) : List.of(Repair.string(pointer, mapped), rename);
  }

  /** A URL whose path ends in {@code /api/v1}, without that segment (what follows it, a slash or a query, stays). */
  static List<Repair> withoutApiV1(JsonView view, String pointer) {
    return literal(view, pointer).flatMap(Repairs::withoutApiV1).map(url -> List.of(Repair.string(pointer, url)))
        .orElse(List.of());
  }

  static Optional<String> withoutApiV1(String url) {
    int query = url.length();
    for (int i = 0; i < url.length(); i++) {
      if (url.charAt(i) == '?' || url.charAt(i) == '#') {
        query = i;
        break;
      }
    }
    int end = query;
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    String suffix = "/api/v1";
    if (!url.startsWith(suffix, end - suffix.length()) || end - suffix.length() <= 0) {
      return Optional.empty();
    }
    return Optional.of(url.substring(0, end - suffix.length()) + url.substring(end));
  }
}
