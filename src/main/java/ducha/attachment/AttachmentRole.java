package ducha.attachment;

@org.eclipse.microprofile.graphql.Description("What an attachment shows for its finding.")
public enum AttachmentRole {
    /** What was found (the default). */
    EVIDENCE,
    /** The fix: the place after rectification; the rules to close count these (docs/evidence.md). */
    AFTER,
    /** A document: a letter, a record, a form. */
    DOCUMENT
}
