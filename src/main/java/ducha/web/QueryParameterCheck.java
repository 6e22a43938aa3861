package ducha.web;

import ducha.attachment.AttachmentResource;
import ducha.change.SyncResource;
import ducha.common.FieldError;
import ducha.common.InvalidInputException;
import ducha.finding.FindingListQuery;
import ducha.finding.FindingResource;
import ducha.inspection.InspectionResource;
import ducha.me.MeResource;
import ducha.notice.NoticeResource;
import ducha.report.DailyQuery;
import ducha.report.FindingExportQuery;
import ducha.report.ReportQuery;
import ducha.report.ReportResource;
import ducha.site.SiteResource;
import ducha.unit.UnitResource;
import ducha.webhook.WebhookResource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter that the operation does not declare, naming it and the accepted ones, as unknown body
 * properties are refused: a misspelt {@code statuss=OPEN} would otherwise be ignored, and the client would read an
 * unfiltered list as if it were filtered. The accepted names are the resource method's own {@code @RestQuery} and
 * {@code @QueryParam} parameters and those of its {@code @BeanParam} holders, so there is no second list to keep in
 * step.
 */
// The resources' and holders' parameter annotations and names are read by reflection, also in the native image.
@RegisterForReflection(targets = {UnitResource.class, SiteResource.class, InspectionResource.class,
        FindingResource.class, NoticeResource.class, AttachmentResource.class, ReportResource.class,
        SyncResource.class, MeResource.class, WebhookResource.class, ReportQuery.class, FindingExportQuery.class,
        DailyQuery.class, FindingListQuery.class})
public class QueryParameterCheck {

    private static final Map<Method, Set<String>> ACCEPTED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownQueryParameters(ResourceInfo resource, UriInfo uri) {
        Set<String> given = uri.getQueryParameters().keySet();
        if (given.isEmpty() || resource.getResourceMethod() == null) {
            return;
        }
        Set<String> accepted = ACCEPTED.computeIfAbsent(resource.getResourceMethod(), QueryParameterCheck::declared);
        List<FieldError> unknown = given.stream()
                .filter(name -> !accepted.contains(name))
                .map(name -> new FieldError(name, accepted.isEmpty()
                        ? "is not a query parameter of this operation, which takes none"
                        : "is not a query parameter of this operation; accepted: " + String.join(", ", accepted)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
    }

    /** The query parameters of a resource method, in declaration order. */
    private static Set<String> declared(Method method) {
        Set<String> names = new LinkedHashSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof BeanParam) {
                    for (Field field : method.getParameterTypes()[i].getDeclaredFields()) {
                        add(names, field.getAnnotations(), field.getName());
                    }
                }
            }
            add(names, annotations[i], method.getParameters()[i].getName());
        }
        return Collections.unmodifiableSet(names);
    }

    /** The query parameter name that a method parameter's or a holder field's annotations give, if any. */
    private static void add(Set<String> names, Annotation[] annotations, String javaName) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof RestQuery query) {
                names.add(query.value().isEmpty() ? javaName : query.value());
            } else if (annotation instanceof QueryParam query) {
                names.add(query.value());
            }
        }
    }
}
