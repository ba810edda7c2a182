package dev.userbench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this machine has what a local cluster needs; cluster tests skip without it, as the README promises. */
public final class ClusterPackages {

    private ClusterPackages() {
    }

    public static boolean postgres() {
        try {
            LocalPostgresCluster.binaries();
            return Files.exists(Path.of("/usr/sbin/runuser")) || Files.exists(Path.of("/sbin/runuser")) || !LocalProcesses.root();
        } catch (ClusterUnavailableException missing) {
            return false;
        }
    }

    public static boolean mariadb() {
        try {
            LocalMariadbCluster.checkInstalled();
            return true;
        } catch (ClusterUnavailableException missing) {
            return false;
        }
    }

    public static boolean both() {
        return postgres() && mariadb();
    }
}
