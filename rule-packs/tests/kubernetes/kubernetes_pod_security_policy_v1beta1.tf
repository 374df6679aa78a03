# Well configured: every rule that applies to it passes.
resource "kubernetes_pod_security_policy_v1beta1" "good" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-privileged
resource "kubernetes_pod_security_policy_v1beta1" "privileged" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = true
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-host-namespaces
resource "kubernetes_pod_security_policy_v1beta1" "host_network" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = true
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-host-namespaces
resource "kubernetes_pod_security_policy_v1beta1" "host_pid" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = true
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-host-namespaces
resource "kubernetes_pod_security_policy_v1beta1" "host_ipc" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = true
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-privilege-escalation
resource "kubernetes_pod_security_policy_v1beta1" "escalation_default" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-privilege-escalation
resource "kubernetes_pod_security_policy_v1beta1" "escalation_allowed" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = true
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-non-root
resource "kubernetes_pod_security_policy_v1beta1" "run_as_any" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "RunAsAny"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-non-root
resource "kubernetes_pod_security_policy_v1beta1" "uid_range_from_zero" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAs"
      range {
        min = 0
        max = 65535
      }
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-drop-all-capabilities
resource "kubernetes_pod_security_policy_v1beta1" "drops_net_raw_only" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["NET_RAW"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-drop-all-capabilities
resource "kubernetes_pod_security_policy_v1beta1" "drops_nothing" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}

# expect fail: k8s-psp-no-added-capabilities
resource "kubernetes_pod_security_policy_v1beta1" "adds_net_admin" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
    allowed_capabilities      = ["NET_ADMIN"]
  }
}

# expect fail: k8s-psp-no-added-capabilities
resource "kubernetes_pod_security_policy_v1beta1" "default_adds_sys_time" {
  metadata {
    name = "restricted"
    annotations = {
      "seccomp.security.alpha.kubernetes.io/allowedProfileNames" = "runtime/default"
      "seccomp.security.alpha.kubernetes.io/defaultProfileName"  = "runtime/default"
    }
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
    default_add_capabilities  = ["SYS_TIME"]
  }
}

# expect fail: k8s-psp-seccomp
resource "kubernetes_pod_security_policy_v1beta1" "no_seccomp" {
  metadata {
    name = "restricted"
  }
  spec {
    privileged                 = false
    allow_privilege_escalation = false
    required_drop_capabilities = ["ALL"]
    volumes                    = ["configMap", "emptyDir", "projected", "secret", "persistentVolumeClaim"]
    host_network               = false
    host_ipc                   = false
    host_pid                   = false
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    fs_group {
      rule = "MustRunAs"
      range {
        min = 1
        max = 65535
      }
    }
    read_only_root_filesystem = true
  }
}
