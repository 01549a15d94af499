/// Placeholder until the fitting code lands.
public enum RegressionModels {}
