package io.promshift.syntax;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.scanner.Scanner;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Hands SnakeYAML Engine's parser the scanner's tokens without the comments it cannot take, and keeps those
 * comments for the reader.
 *
 * <p>With comments on, the Engine's parser refuses a comment (or a blank line, which its scanner reports as a
 * comment) right after the {@code ?} of an explicit key ({@code "?\n\n: v"}, {@code "? # c\n: v"}) and in some
 * places of a flow collection ({@code "{a: # c\n b}"}): "expected the node content, but found '#'". go-yaml,
 * whose comments never reach its parser, reads all of them. Comments in a flow collection and after a
 * {@code ?} are therefore lifted out of the token stream here; the parser then reads as without comments, and
 * {@link #takeLifted()} gives the lifted comments to the reader in text order.
 *
 * <p>Not thread-safe: one per read.
 */
final class CommentLift implements Scanner {
  private final Scanner scanner;
  private List<CommentEvent> lifted = new ArrayList<>();
  private int flowLevel;
  private boolean afterKey;

  CommentLift(Scanner scanner) {
    this.scanner = scanner;
  }

  /** The comments lifted since the last call, in text order, as the parser would have given them. */
  List<CommentEvent> takeLifted() {
    if (lifted.isEmpty()) {
      return List.of();
    }
    List<CommentEvent> taken = lifted;
    lifted = new ArrayList<>();
    return taken;
  }

  private void liftComments() {
    while ((flowLevel > 0 || afterKey) && scanner.checkToken(Token.ID.Comment)) {
      CommentToken comment = (CommentToken) scanner.next();
      lifted.add(new CommentEvent(comment.getCommentType(), comment.getValue(), comment.getStartMark(),
          comment.getEndMark()));
    }
  }

  @Override
  public boolean checkToken(Token.ID... choices) {
    liftComments();
    return scanner.checkToken(choices);
  }

  @Override
  public Token peekToken() {
    liftComments();
    return scanner.peekToken();
  }

  @Override
  public boolean hasNext() {
    liftComments();
    return scanner.hasNext();
  }

  @Override
  public Token next() {
    liftComments();
    Token token = scanner.next();
    switch (token.getTokenId()) {
      case FlowMappingStart, FlowSequenceStart -> flowLevel++;
      case FlowMappingEnd, FlowSequenceEnd -> flowLevel = Math.max(0, flowLevel - 1);
      default -> { }
    }
    afterKey = token.getTokenId() == Token.ID.Key;
    return token;
  }

  @Override
  public void resetDocumentIndex() {
    scanner.resetDocumentIndex();
  }
}
