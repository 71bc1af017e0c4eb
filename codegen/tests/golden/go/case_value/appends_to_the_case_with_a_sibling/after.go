package session

func (info *RemoteConsoleInfo) GetConnectParams() (string, error) {
	switch info.Protocol {
	case ALIYUN:
		return info.getAliyunURL()
	case OPENSTACK, VMRC, ZSTACK, CTYUN, ACME:
		return info.Url, nil
	default:
		return "", nil
	}
}
