package fob.worker;

public class KdfWorker {
    public static void main(String[] args) {
    }
}
