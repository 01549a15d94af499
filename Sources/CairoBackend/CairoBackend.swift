import Charts
import CCairo
/// Placeholder.
public enum CairoSurfaces {}
