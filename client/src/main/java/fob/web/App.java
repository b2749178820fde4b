package fob.web;

public class App {
    public static void main(String[] args) {
    }
}
