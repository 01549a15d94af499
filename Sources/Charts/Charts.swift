/// Placeholder.
public enum ChartsModule {}
