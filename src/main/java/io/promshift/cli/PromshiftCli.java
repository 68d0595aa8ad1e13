package io.promshift.cli;

public final class PromshiftCli {
  public static void main(String[] args) {}
}
