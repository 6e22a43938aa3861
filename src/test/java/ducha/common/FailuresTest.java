package ducha.common;

import static org.assertj.core.api.Assertions.assertThat;

import ducha.security.UnauthenticatedException;
import ducha.web.NativeReflection;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.mutiny.CompositeException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one translation both doors use, without the service: what each failure becomes, and that every domain
 * exception states its code once, where SmallRye GraphQL and the native build can read it.
 */
class FailuresTest {

    @Test
    void securityFailuresBecomeTheCallersAnswer() {
        assertThat(Failures.translate(new UnauthorizedException())).isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("needs a bearer token");
        assertThat(Failures.translate(new AuthenticationFailedException())).isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("not accepted");
        assertThat(Failures.translate(new ForbiddenException())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void wrappersAreLookedThrough() {
        var notFound = new ResourceNotFoundException("unit", "u1");
        assertThat(Failures.translate(new CompletionException(new CompositeException(notFound,
                new IllegalStateException("later"))))).isSameAs(notFound);
        assertThat(Failures.translate(new CompletionException(new UnauthorizedException())))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anythingElseIsLeftForTheDoorToReport() {
        var bug = new IllegalStateException("a bug");
        assertThat(Failures.translate(new CompletionException(bug))).isSameAs(bug);
    }

    @Test
    void everyDomainExceptionHasItsCodeOnceAndIsReadableInTheNativeBuild() throws Exception {
        List<Class<?>> registered = List.of(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());
        List<Class<? extends DomainException>> exceptions = domainExceptions();
        assertThat(exceptions).hasSizeGreaterThan(10);
        for (Class<? extends DomainException> type : exceptions) {
            assertThat(type.getAnnotation(ErrorCode.class)).as(type.getName() + " @ErrorCode").isNotNull();
            assertThat(registered).as(type.getName() + " in NativeReflection").contains(type);
            assertThat(type.getMethod("code").getDeclaringClass()).as(type.getName()).isEqualTo(DomainException.class);
        }
    }

    /** The concrete subclasses of DomainException among the compiled classes of the service. */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends DomainException>> domainExceptions() throws IOException, URISyntaxException {
        Path classes = Path.of(DomainException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .map(FailuresTest::load)
                    .filter(type -> type != null && DomainException.class.isAssignableFrom(type)
                            && !Modifier.isAbstract(type.getModifiers()))
                    .<Class<? extends DomainException>>map(type -> (Class<? extends DomainException>) type)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, FailuresTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
