/// The summary's link line: where a reader finds the artifact (the report, the logs).
///
/// Given explicitly, the URL must be `http://` or `https://` and hold only characters a URL may
/// (RFC 3986: letters, digits and `-._~:/?#[]@!$&'*+,;=%`); `(` and `)` are percent-encoded so the
/// link stays whole in Markdown. Otherwise, in a GitHub Actions job, it is the workflow run's page,
/// which lists the run's artifacts: `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID`.
public struct ArtifactLink: Sendable, Equatable, Encodable, CustomStringConvertible {
    public let url: String

    /// Characters a link may hold as they are.
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'*+,;=%")

    /// Checks `url`; the error says what is wrong with it.
    public init(url: String) throws(ComparisonError) {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > (lower.hasPrefix("https") ? 8 : 7) else {
            throw .usage("\(option: .artifactLink) must be an http:// or https:// URL, got '\(url)'")
        }
        var out = ""
        for (i, c) in url.enumerated() {
            switch c {
            case "(": out += "%28"
            case ")": out += "%29"
            case _ where Self.allowed.contains(c): out.append(c)
            default:
                throw .usage("\(option: .artifactLink) holds '\(c)' at character \(i + 1), which a URL may not: percent-encode it")
            }
        }
        self.url = out
    }

    /// The workflow run's page from GitHub Actions' variables, when all three are set and well
    /// formed (a repository `owner/name`, a numeric run id); nil otherwise.
    public static func workflowRun(environment: [String: String]) -> ArtifactLink? {
        guard let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
              let run = environment["GITHUB_RUN_ID"] else { return nil }
        let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
        let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(nameCharacters.contains) }),
              !run.isEmpty, run.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        return try? ArtifactLink(url: "\(base)/\(repository)/actions/runs/\(run)")
    }

    public var description: String { url }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(url)
    }
}
