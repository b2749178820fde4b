/**
 * A JDK class TeaVM's class library lacks, which TeaVM compiles in its place (its convention: the package and a T
 * before the name): {@code java.security.Security}, which BouncyCastle's lightweight API asks for optional
 * properties. No Fob code uses it; the JVM never loads it. Uses nothing of Fob.
 */
package org.teavm.classlib.java.security;
