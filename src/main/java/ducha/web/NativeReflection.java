package ducha.web;

import ducha.attachment.AttachmentTooLargeException;
import ducha.attachment.AttachmentView;
import ducha.attachment.UnsupportedContentException;
import ducha.change.ChangeEventView;
import ducha.change.SyncChange;
import ducha.change.SyncPage;
import ducha.common.AccessDeniedException;
import ducha.common.AlreadyExistsException;
import ducha.common.ConflictException;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.common.Page;
import ducha.common.PreconditionRequiredException;
import ducha.common.ResourceNotFoundException;
import ducha.common.StaleVersionException;
import ducha.common.UnavailableException;
import ducha.evidence.EvidenceRequiredException;
import ducha.finding.FindingView;
import ducha.inspection.InspectionView;
import ducha.me.MeView;
import ducha.notice.NoticeView;
import ducha.report.Breakdown;
import ducha.report.OverdueFinding;
import ducha.report.Summary;
import ducha.report.Trend;
import ducha.report.TrendPoint;
import ducha.security.UnauthenticatedException;
import ducha.site.SiteView;
import ducha.unit.UnitView;
import ducha.webhook.RedeliveryView;
import ducha.webhook.WebhookDelivery;
import ducha.webhook.WebhookMessageView;
import ducha.webhook.WebhookSecretView;
import ducha.webhook.WebhookView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson writes that the native build cannot see from REST signatures alone: generic page contents,
 * problem members, the views the change log and the sync serialise, and the reports (the summary travels as an
 * Object, since the same operation may answer CSV). The domain exceptions, whose code is read from their
 * {@code @ErrorCode} annotation at run time (common/DomainException).
 */
@RegisterForReflection(targets = {Problem.class, FieldError.class, Page.class, ChangeEventView.class, UnitView.class,
        SiteView.class, InspectionView.class, FindingView.class, NoticeView.class, MeView.class, AttachmentView.class,
        SyncPage.class, SyncChange.class, Summary.class, Breakdown.class, Trend.class, TrendPoint.class,
        OverdueFinding.class, WebhookView.class, WebhookSecretView.class, WebhookDelivery.class,
        WebhookMessageView.class, RedeliveryView.class,
        InvalidInputException.class, UnauthenticatedException.class, AccessDeniedException.class,
        ResourceNotFoundException.class, ConflictException.class, EvidenceRequiredException.class,
        RequestInFlightException.class, StaleVersionException.class, AlreadyExistsException.class,
        PreconditionRequiredException.class, AttachmentTooLargeException.class, UnsupportedContentException.class,
        RangeNotSatisfiableException.class, IdempotencyKeyReusedException.class, UnavailableException.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
