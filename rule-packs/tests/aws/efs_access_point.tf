# Well configured: every rule that applies to it passes.
resource "aws_efs_access_point" "good" {
  file_system_id = aws_efs_file_system.good.id

  posix_user {
    uid = 1000
    gid = 1000
  }

  root_directory {
    path = "/app"
    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "0750"
    }
  }
}

# expect fail: aws-efs-access-point-root-directory
resource "aws_efs_access_point" "efs_access_point_root" {
  file_system_id = aws_efs_file_system.good.id

  posix_user {
    uid = 1000
    gid = 1000
  }

  root_directory {
    path = "/"
    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "0750"
    }
  }
}

# expect fail: aws-efs-access-point-root-directory
resource "aws_efs_access_point" "efs_access_point_no_root_directory" {
  file_system_id = aws_efs_file_system.good.id

  posix_user {
    uid = 1000
    gid = 1000
  }

}

# expect fail: aws-efs-access-point-posix-user
resource "aws_efs_access_point" "efs_access_point_no_posix_user" {
  file_system_id = aws_efs_file_system.good.id

  root_directory {
    path = "/app"
    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "0750"
    }
  }
}
