package dev.orderchainer.common.testing;

import dev.orderchainer.common.config.Env;
import dev.orderchainer.common.function.FunctionComponents;
import java.util.Map;

/** Components of a test handler: an environment and nothing to build; counts its primings. */
public final class PlainComponents implements FunctionComponents {
    private final Env env;
    private int primed;

    public PlainComponents(Map<String, String> environment) {
        this.env = new Env(environment);
    }

    @Override
    public Env env() {
        return env;
    }

    @Override
    public void prime() {
        primed++;
    }

    public int primed() {
        return primed;
    }
}
