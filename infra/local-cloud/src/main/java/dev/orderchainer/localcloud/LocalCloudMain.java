package dev.orderchainer.localcloud; public final class LocalCloudMain { public static void main(String[] a) {} }
