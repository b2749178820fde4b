package fob.teavm;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * Build-time patch for ZXing under TeaVM. TeaVM's class library has no {@code Charset.isSupported}, and
 * ZXing's {@code CharacterSetECI} calls it while it initialises; this redirects those calls to
 * {@link Charsets#isSupported}, which asks {@code Charset.forName} instead. Only the page's TeaVM build
 * loads it (the {@code transformers} setting in client/pom.xml); the JVM never does.
 */
public final class CharsetIsSupportedPatch implements ClassHolderTransformer {
    private static final MethodReference MISSING = new MethodReference(
            "java.nio.charset.Charset", "isSupported", ValueType.object("java.lang.String"), ValueType.BOOLEAN);
    private static final MethodReference REPLACEMENT = new MethodReference(
            Charsets.class.getName(), "isSupported", ValueType.object("java.lang.String"), ValueType.BOOLEAN);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().startsWith("com.google.zxing.")) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() == null) {
                continue;
            }
            for (BasicBlock block : method.getProgram().getBasicBlocks()) {
                for (Instruction instruction : block) {
                    if (instruction instanceof InvokeInstruction
                            && MISSING.equals(((InvokeInstruction) instruction).getMethod())) {
                        ((InvokeInstruction) instruction).setMethod(REPLACEMENT);
                    }
                }
            }
        }
    }
}
