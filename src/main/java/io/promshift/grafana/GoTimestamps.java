package io.promshift.grafana;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-yaml v3 resolves a plain scalar that matches one of its four timestamp layouts to a Go
 * {@code time.Time}; Grafana then stores jsonData as JSON, where the time becomes RFC 3339 with nanoseconds
 * ({@code 2024-01-31} → {@code "2024-01-31T00:00:00Z"}). This class gives that JSON text.
 */
final class GoTimestamps {
  private static final String DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
  private static final String TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,](\\d+))?";
  /** go-yaml's layouts: {@code 2006-1-2T15:4:5.999999999Z07:00} (T or t), {@code 2006-1-2 15:4:5.999999999}, {@code 2006-1-2}. */
  private static final Pattern ZONED = Pattern.compile(DATE + "[Tt]" + TIME + "(Z|([+-])(\\d{2}):(\\d{2}))");
  private static final Pattern SPACED = Pattern.compile(DATE + " +" + TIME);
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);

  private GoTimestamps() {}

  /** The RFC 3339 text Grafana stores for a plain scalar that go-yaml reads as a timestamp, or null. */
  static String toJson(String in) {
    if (in.length() < 5 || in.charAt(4) != '-') {
      return null;
    }
    Matcher m = ZONED.matcher(in);
    if (m.matches()) {
      int offset = 0;
      if (!m.group(8).equals("Z")) {
        int hours = Integer.parseInt(m.group(10));
        int minutes = Integer.parseInt(m.group(11));
        if (hours > 24 || minutes > 60) {
          return null;
        }
        offset = (hours * 60 + minutes) * (m.group(9).equals("-") ? -1 : 1);
      }
      return format(m, true, offset);
    }
    m = SPACED.matcher(in);
    if (m.matches()) {
      return format(m, true, 0);
    }
    m = DATE_ONLY.matcher(in);
    return m.matches() ? format(m, false, 0) : null;
  }

  private static String format(Matcher m, boolean withTime, int offsetMinutes) {
    try {
      LocalDateTime time = LocalDateTime.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          withTime ? Integer.parseInt(m.group(4)) : 0,
          withTime ? Integer.parseInt(m.group(5)) : 0,
          withTime ? Integer.parseInt(m.group(6)) : 0);
      StringBuilder out = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
          time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
          time.getSecond()));
      String fraction = withTime && m.group(7) != null ? m.group(7) : "";
      fraction = fraction.length() > 9 ? fraction.substring(0, 9) : fraction; // Go keeps nanoseconds
      fraction = fraction.replaceAll("0+$", "");
      if (!fraction.isEmpty()) {
        out.append('.').append(fraction);
      }
      if (offsetMinutes == 0) {
        out.append('Z');
      } else {
        int abs = Math.abs(offsetMinutes);
        out.append(offsetMinutes < 0 ? '-' : '+').append(String.format("%02d:%02d", abs / 60, abs % 60));
      }
      return out.toString();
    } catch (DateTimeException e) {
      return null; // 2024-02-30 is no date: go-yaml leaves it a string
    }
  }
}
