package vn.baovetreem.children;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the rules of a child's spans and supports look at in the child's record: which child, born
 * when, and where it sits. The record itself has them; so has the lighter {@link ChildImport.Named}
 * an import looks up for each row, which need not load the whole record.
 */
public interface ChildFacts {

    UUID id();

    LocalDate dateOfBirth();

    String unitPath();
}
