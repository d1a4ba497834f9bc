package io.channelhub.notification.email;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads a record's component ({@code ${transfer.customer}} on a record) through its accessor, looked up once per
 * record class. OGNL, Thymeleaf's expression language, only caches JavaBeans getters: for a record's
 * {@code customer()} it scanned and lower-cased every public method of the class on every evaluation, which was a
 * third of notification planning's CPU (docs/benchmarks.md). Anything that is not a component is left to OGNL.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.put(component.getName(), accessor);
            }
            return accessors;
        }
    };

    private RecordPropertyAccessor() {
    }

    /** For every record class, in this JVM's OGNL (a global registry). */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method accessor = name instanceof String property ? ACCESSORS.get(target.getClass()).get(property) : null;
        if (accessor == null) {
            return super.getProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new OgnlException("cannot read " + name + " of " + target.getClass().getSimpleName(), e);
        }
    }
}
