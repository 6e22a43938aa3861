package ducha.web;

import ducha.change.ChangeEventView;
import ducha.common.FieldError;
import ducha.common.Page;
import ducha.finding.FindingView;
import ducha.inspection.InspectionView;
import ducha.me.MeView;
import ducha.notice.NoticeView;
import ducha.site.SiteView;
import ducha.unit.UnitView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson writes that the native build cannot see from REST signatures alone: generic page contents,
 * problem members, and the views the change log serialises.
 */
@RegisterForReflection(targets = {Problem.class, FieldError.class, Page.class, ChangeEventView.class, UnitView.class,
        SiteView.class, InspectionView.class, FindingView.class, NoticeView.class, MeView.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
