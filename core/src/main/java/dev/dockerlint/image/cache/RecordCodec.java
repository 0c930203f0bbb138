package dev.dockerlint.image.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of immutable records made of strings, numbers, booleans, enums, {@code
 * Optional}s, {@code List}s and other such records (the file facts). Its {@link #schema} string
 * changes whenever a record's shape does, so a cache written by another version is never misread.
 */
final class RecordCodec {
  private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Type[]> COMPONENT_TYPES = new ConcurrentHashMap<>();

  private RecordCodec() {}

  /** A description of {@code type}'s shape, recursively. */
  static String schema(Type type) {
    StringBuilder sb = new StringBuilder();
    schema(type, sb, new ArrayList<>());
    return sb.toString();
  }

  private static void schema(Type type, StringBuilder sb, List<Class<?>> seen) {
    if (type instanceof ParameterizedType p) {
      sb.append(((Class<?>) p.getRawType()).getSimpleName()).append('<');
      schema(p.getActualTypeArguments()[0], sb, seen);
      sb.append('>');
      return;
    }
    Class<?> c = (Class<?>) type;
    if (c.isEnum()) {
      sb.append(c.getSimpleName()).append(List.of(c.getEnumConstants()));
    } else if (c.isRecord() && !seen.contains(c)) {
      seen.add(c);
      sb.append(c.getSimpleName()).append('{');
      for (RecordComponent rc : c.getRecordComponents()) {
        sb.append(rc.getName()).append(':');
        schema(rc.getGenericType(), sb, seen);
        sb.append(',');
      }
      sb.append('}');
    } else {
      sb.append(c.getSimpleName());
    }
  }

  static void write(DataOutputStream out, Type type, Object value) throws IOException {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type arg = p.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        Optional<?> o = (Optional<?>) value;
        out.writeBoolean(o.isPresent());
        if (o.isPresent()) {
          write(out, arg, o.get());
        }
        return;
      }
      if (raw == List.class) {
        List<?> l = (List<?>) value;
        out.writeInt(l.size());
        for (Object x : l) {
          write(out, arg, x);
        }
        return;
      }
      throw new IllegalArgumentException("unsupported type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      out.writeUTF((String) value);
    } else if (c == int.class || c == Integer.class) {
      out.writeInt((Integer) value);
    } else if (c == long.class || c == Long.class) {
      out.writeLong((Long) value);
    } else if (c == boolean.class || c == Boolean.class) {
      out.writeBoolean((Boolean) value);
    } else if (c.isEnum()) {
      out.writeShort(((Enum<?>) value).ordinal());
    } else if (c.isRecord()) {
      Type[] types = componentTypes(c);
      Method[] acc = accessors(c);
      for (int i = 0; i < types.length; i++) {
        try {
          write(out, types[i], acc[i].invoke(value));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + c.getSimpleName(), e);
        }
      }
    } else {
      throw new IllegalArgumentException("unsupported type " + c);
    }
  }

  static Object read(DataInputStream in, Type type) throws IOException {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type arg = p.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        return in.readBoolean() ? Optional.of(read(in, arg)) : Optional.empty();
      }
      if (raw == List.class) {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
          throw new IOException("corrupt list length " + n);
        }
        List<Object> l = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          l.add(read(in, arg));
        }
        return List.copyOf(l);
      }
      throw new IOException("unsupported type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return in.readUTF();
    } else if (c == int.class || c == Integer.class) {
      return in.readInt();
    } else if (c == long.class || c == Long.class) {
      return in.readLong();
    } else if (c == boolean.class || c == Boolean.class) {
      return in.readBoolean();
    } else if (c.isEnum()) {
      int ordinal = in.readShort();
      Object[] values = c.getEnumConstants();
      if (ordinal < 0 || ordinal >= values.length) {
        throw new IOException("corrupt enum " + c.getSimpleName() + " " + ordinal);
      }
      return values[ordinal];
    } else if (c.isRecord()) {
      Type[] types = componentTypes(c);
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = read(in, types[i]);
      }
      try {
        return constructor(c).newInstance(args);
      } catch (InvocationTargetException e) {
        throw new IOException("corrupt " + c.getSimpleName() + ": " + e.getCause(), e);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("corrupt " + c.getSimpleName() + ": " + e.getMessage(), e);
      }
    }
    throw new IOException("unsupported type " + c);
  }

  /** The generic types of a record's components (parsing them is slow; done once per class). */
  private static Type[] componentTypes(Class<?> c) {
    return COMPONENT_TYPES.computeIfAbsent(
        c,
        k -> {
          RecordComponent[] rcs = k.getRecordComponents();
          Type[] out = new Type[rcs.length];
          for (int i = 0; i < rcs.length; i++) {
            out[i] = rcs[i].getGenericType();
          }
          return out;
        });
  }

  private static Constructor<?> constructor(Class<?> c) {
    return CONSTRUCTORS.computeIfAbsent(
        c,
        k -> {
          RecordComponent[] rcs = k.getRecordComponents();
          Class<?>[] types = new Class<?>[rcs.length];
          for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
          }
          try {
            return k.getConstructor(types);
          } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor of " + k, e);
          }
        });
  }

  private static Method[] accessors(Class<?> c) {
    return ACCESSORS.computeIfAbsent(
        c,
        k -> {
          RecordComponent[] rcs = k.getRecordComponents();
          Method[] out = new Method[rcs.length];
          for (int i = 0; i < rcs.length; i++) {
            out[i] = rcs[i].getAccessor();
          }
          return out;
        });
  }
}
