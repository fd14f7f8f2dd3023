package io.bufkit.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables the deliberately failing fixture tests only when a self-test runs them through the engine test kit
 * with the configuration parameter {@value #PARAMETER}, never in the normal test run.
 */
final class OnlyInEngineTestKit implements ExecutionCondition {

    static final String PARAMETER = "bufkit.testkit.fixtures";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("run by a self-test")
                : ConditionEvaluationResult.disabled("a fixture for the self-tests, run through the engine test kit");
    }
}
