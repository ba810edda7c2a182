package dev.userbench.kernel;

import dev.userbench.kernel.runtime.DisplayTarget;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/**
 * The Jupyter side: turns execute, complete, is_complete and interrupt requests into calls on a
 * {@link JShellEvaluator}, and is the {@link DisplayTarget} that cell code displays to.
 */
public final class JavaKernel extends BaseKernel implements DisplayTarget {
    private static final String IMPLEMENTATION = "user-entity-bench-kernel";
    private static final String VERSION = java.util.Objects.requireNonNullElse(
            JavaKernel.class.getPackage().getImplementationVersion(), "dev");

    private final JShellEvaluator evaluator;
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build();

    public JavaKernel(EvaluatorConfig config) {
        this.evaluator = new JShellEvaluator(config, this);
    }

    /** The base kernel's kernel_info_reply lacks the "status" that protocol 5 requires; this one has it. */
    private static final class KernelInfoOkReply extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        KernelInfoOkReply(LanguageInfo languageInfo, String banner) {
            super(Header.PROTOCOL_VERISON, IMPLEMENTATION, VERSION, languageInfo, banner, List.of());
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply((KernelInfoReply) new KernelInfoOkReply(languageInfo, getBanner()));
        });
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        // the base kernel counted this request before calling eval
        return evaluator.eval(code, executionCount.get() - 1)
                .map(value -> value instanceof DisplayData data ? data : getRenderer().render(value))
                .orElse(null);
    }

    @Override
    public void updateDisplay(String displayId, DisplayData data) {
        getIO().display.updateDisplay(displayId, data);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellEvaluator.Completion completion = evaluator.complete(code, at);
        return new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return evaluator.documentation(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        JShellEvaluator.IsComplete answer = evaluator.isComplete(code);
        // BaseKernel reads any other string than complete/invalid/unknown as "incomplete, indent with this"
        return "incomplete".equals(answer.status()) ? answer.indent() : answer.status();
    }

    @Override
    public List<String> formatError(Exception e) {
        return e instanceof CellException cellException ? cellException.styledTraceback() : super.formatError(e);
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: user-entity-bench kernel (JShell, IJava's notebook API)";
    }
}
