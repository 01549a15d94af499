/// lossplot's version, as the report's manifest records it.
public enum LossplotVersion {
    public static let current = "0.1.0"
}
