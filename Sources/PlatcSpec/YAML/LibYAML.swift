import CLibYAML

/// The libyaml the binary was linked against, for `platc version`.
public enum LibYAML {
    public static var version: String { String(cString: yaml_get_version_string()) }
}
