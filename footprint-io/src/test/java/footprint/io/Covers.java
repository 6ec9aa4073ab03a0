package footprint.io;

import footprint.model.check.ProblemCode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as the test of a problem code. {@link ProblemCodesTest#every_problem_code_has_a_test}
 * fails for any {@link ProblemCode} that no test of this module is marked with.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Covers {
    ProblemCode value();
}
